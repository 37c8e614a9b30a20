import { describe, expect, it } from 'vitest';
import { forwardChanges } from '../../../main/ipc';
import { IPC_CHANNELS } from '../../../shared';
import { openTempCore } from '../../fixtures/temp-core';

describe('forwardChanges', () => {
  it('sends each committed change to the window, skips a destroyed or missing one, and stops on unsubscribe', async () => {
    const temp = await openTempCore({ empty: true });
    try {
      const sent: { channel: string; message: unknown }[] = [];
      let destroyed = false;
      let present = true;
      const sink = { isDestroyed: () => destroyed, send: (channel: string, message: unknown) => sent.push({ channel, message }) };
      const stop = forwardChanges(temp.core.bus, () => (present ? sink : undefined));

      const customer = await temp.call('customers.create', { name: '陈一', phone: '13912340001' });
      expect(sent).toEqual([
        {
          channel: IPC_CHANNELS.event,
          message: { event: 'changed', payload: expect.objectContaining({ entity: 'customer', id: customer.id }) },
        },
      ]);

      destroyed = true;
      await temp.call('customers.create', { name: '陈二', phone: '13912340002' });
      destroyed = false;
      present = false;
      await temp.call('customers.create', { name: '陈三', phone: '13912340003' });
      expect(sent).toHaveLength(1);

      present = true;
      stop();
      await temp.call('customers.create', { name: '陈四', phone: '13912340004' });
      expect(sent).toHaveLength(1);
    } finally {
      await temp.dispose();
    }
  });

  it('does not let a failing window undo a committed write', async () => {
    const temp = await openTempCore({ empty: true });
    try {
      forwardChanges(temp.core.bus, () => ({
        isDestroyed: () => false,
        send: () => {
          throw new Error('Object has been destroyed');
        },
      }));
      const customer = await temp.call('customers.create', { name: '陈五', phone: '13912340005' });
      expect(await temp.call('customers.get', { id: customer.id })).toMatchObject({ name: '陈五' });
    } finally {
      await temp.dispose();
    }
  });
});
