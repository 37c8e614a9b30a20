import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_brief';
import * as m0003 from './0003_commitments';
import * as m0004 from './0004_entity_search';
import * as m0005 from './0005_timeline_reads';
import * as m0006 from './0006_escalation_note';
import * as m0007 from './0007_audit_head';
import * as m0008 from './0008_accounts';
import * as m0009 from './0009_authority';
import * as m0010 from './0010_supervision';
import * as m0011 from './0011_sync';
import * as m0012 from './0012_escalation_workflow';
import * as m0013 from './0013_policy_versions';
import * as m0014 from './0014_sync_conflicts';
import * as m0015 from './0015_desk_tokens';
import * as m0016 from './0016_audit_reads';

/**
 * The fixed, ordered list of schema migrations. Only ever append: a shipped migration is never
 * edited or removed. The name's number prefix is the order.
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_brief', m0002],
  ['0003_commitments', m0003],
  ['0004_entity_search', m0004],
  ['0005_timeline_reads', m0005],
  ['0006_escalation_note', m0006],
  ['0007_audit_head', m0007],
  ['0008_accounts', m0008],
  ['0009_authority', m0009],
  ['0010_supervision', m0010],
  ['0011_sync', m0011],
  ['0012_escalation_workflow', m0012],
  ['0013_policy_versions', m0013],
  ['0014_sync_conflicts', m0014],
  ['0015_desk_tokens', m0015],
  ['0016_audit_reads', m0016],
];
