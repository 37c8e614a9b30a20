import type { Kysely } from 'kysely';
import { AppError, type Incident } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { around, boundedTime, HORIZON_MS } from '../time-bounds';

/** An incident's times: within a year of when it was recorded, and ending after it starts. */
function checkWindow(startsAt: string, endsAt: string | null, at: string): void {
  if (endsAt && Date.parse(endsAt) <= Date.parse(startsAt))
    throw new AppError('invalid_input', 'An incident cannot end before it starts.', [{ path: 'endsAt', message: 'ends_before_start' }]);
  const window = around(at, HORIZON_MS, HORIZON_MS);
  boundedTime(startsAt, window, 'startsAt');
  if (endsAt) boundedTime(endsAt, window, 'endsAt');
}

export const createIncident = defineMutation('incidents.create', {
  async apply(trx, args, m) {
    checkWindow(args.startsAt, args.endsAt, args.at);
    await trx
      .insertInto('incidents')
      .values({
        id: args.id,
        title: args.title,
        description: args.description,
        categories: JSON.stringify(args.categories),
        guidance: args.guidance,
        starts_at: args.startsAt,
        ends_at: args.endsAt,
        created_by: m.actor,
        created_at: args.at,
        updated_at: args.at,
      })
      .execute();
    return [{ entity: 'incident', id: args.id, customerId: null }];
  },
});

export const updateIncident = defineMutation('incidents.update', {
  async apply(trx, args) {
    const row = await trx.selectFrom('incidents').selectAll().where('id', '=', args.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No incident ${args.id}.`, [{ path: 'id', message: 'not_found' }]);
    const startsAt = args.startsAt ?? row.starts_at;
    const endsAt = args.endsAt !== undefined ? args.endsAt : row.ends_at;
    checkWindow(startsAt, endsAt, args.at);
    await trx
      .updateTable('incidents')
      .set({
        ...(args.title !== undefined ? { title: args.title } : {}),
        ...(args.description !== undefined ? { description: args.description } : {}),
        ...(args.categories !== undefined ? { categories: JSON.stringify(args.categories) } : {}),
        ...(args.guidance !== undefined ? { guidance: args.guidance } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        updated_at: args.at,
      })
      .where('id', '=', args.id)
      .execute();
    return [{ entity: 'incident', id: args.id, customerId: null }];
  },
});

function toIncident(row: DB['incidents'], now: Date): Incident {
  const t = now.getTime();
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    categories: JSON.parse(row.categories) as Incident['categories'],
    guidance: row.guidance,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    active: Date.parse(row.starts_at) <= t && (row.ends_at === null || Date.parse(row.ends_at) > t),
  };
}

export async function listIncidents(db: Kysely<DB>, now: Date, activeOnly: boolean): Promise<Incident[]> {
  const rows = await db.selectFrom('incidents').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => toIncident(r, now)).filter((i) => !activeOnly || i.active);
}

export async function getIncident(db: Kysely<DB>, id: string, now: Date): Promise<Incident> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No incident ${id}.`);
  return toIncident(row, now);
}

/** Active incidents that touch a case of this category. */
export function incidentsFor(incidents: Incident[], category: string): Incident[] {
  return incidents.filter((i) => i.active && (i.categories as string[]).includes(category));
}
