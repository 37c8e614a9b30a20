import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../main/app/origin';
import { createSenderCheck, type InvokeEventLike } from '../../../main/ipc';

const top = { url: 'app://kept/index.html', parent: null };

describe('createSenderCheck', () => {
  let windowId: number | undefined = 3;
  const check = createSenderCheck({ trustedWebContentsId: () => windowId, isTrustedUrl: isAppUrl });
  const event = (over: Partial<InvokeEventLike>): InvokeEventLike => ({ sender: { id: 3 }, senderFrame: top, ...over });

  it('trusts the main frame of our window on our origin', () => {
    windowId = 3;
    expect(check(event({}))).toBe(true);
    expect(check(event({ senderFrame: { url: 'app://kept/cases/42?tab=notes#n1', parent: null } }))).toBe(true);
  });

  it.each([
    ['an https page', 'https://kept/index.html'],
    ['a look-alike host', 'app://kept.evil.example/index.html'],
    ['credentials before the host', 'app://kept@evil/index.html'],
    ['another host on our scheme', 'app://other/index.html'],
    ['file://', 'file:///index.html'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['an empty url', ''],
  ])('refuses %s', (_label, url) => {
    windowId = 3;
    expect(check(event({ senderFrame: { url, parent: null } }))).toBe(false);
  });

  it('refuses subframes, vanished frames, other webContents, and any call while there is no window', () => {
    windowId = 3;
    expect(check(event({ senderFrame: { url: top.url, parent: top } }))).toBe(false);
    expect(check(event({ senderFrame: null }))).toBe(false);
    expect(check(event({ sender: { id: 4 } }))).toBe(false);
    windowId = undefined;
    expect(check(event({}))).toBe(false);
  });

  it('refuses a sender whose frame cannot be read', () => {
    windowId = 3;
    const disposed = {
      sender: { id: 3 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(check(disposed)).toBe(false);
  });
});
