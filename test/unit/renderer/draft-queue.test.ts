import { describe, expect, it } from 'vitest';
import { afterSave, createDraftQueue, mergeDraft } from '../../../renderer/src/features/notes/draft-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the draft queue', () => {
  it('runs jobs one after another in the order asked, however long each takes', async () => {
    const queue = createDraftQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
    };
    void queue.enqueue(slow('older save', 30));
    void queue.enqueue(slow('newer save', 1));
    await queue.idle();
    expect(log).toEqual(['start older save', 'end older save', 'start newer save', 'end newer save']);
  });

  it('goes on after a job fails, and the failure does not reject the caller', async () => {
    const queue = createDraftQueue();
    const ran: string[] = [];
    const failed = queue.enqueue(async () => {
      ran.push('a');
      throw new Error('host down');
    });
    void queue.enqueue(async () => {
      ran.push('b');
    });
    await expect(failed).resolves.toBeUndefined();
    await queue.idle();
    expect(ran).toEqual(['a', 'b']);
  });

  it('is idle only once every job asked for so far has run', async () => {
    const queue = createDraftQueue();
    let release: () => void = () => undefined;
    let done = false;
    void queue.enqueue(() => new Promise<void>((resolve) => (release = resolve)));
    void queue.idle().then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    release();
    await queue.idle();
    expect(done).toBe(true);
  });
});

describe('mergeDraft', () => {
  it('keeps the words the host held before what was typed meanwhile, on their own line', () => {
    expect(mergeDraft('客户说下周再来', '已登记')).toBe('客户说下周再来\n已登记');
  });

  it('leaves what was typed alone when the host held nothing', () => {
    expect(mergeDraft('', '已登记')).toBe('已登记');
  });
});

describe('afterSave', () => {
  const result = { updatedAt: '2026-11-29T08:00:00.000Z', tooLongForNote: false };

  it('says saved, with when, once what the host holds is what is typed', () => {
    expect(afterSave('abc', 'abc', result)).toEqual({ status: 'saved', at: result.updatedAt, tooLongForNote: false });
    expect(afterSave('a'.repeat(30_000), 'a'.repeat(30_000), { ...result, tooLongForNote: true })).toMatchObject({ tooLongForNote: true });
  });

  it('says unsaved when the agent typed on while it was saving', () => {
    expect(afterSave('abc', 'abcd', result)).toEqual({ status: 'unsaved' });
  });

  it('says nothing once an emptied box is saved', () => {
    expect(afterSave('', '', result)).toEqual({ status: 'idle' });
  });
});
