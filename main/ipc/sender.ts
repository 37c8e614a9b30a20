/**
 * Who sent an IPC message, reduced to what the check needs. Electron's IpcMainInvokeEvent fits
 * this shape, and tests can build one without Electron.
 */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: SenderFrameLike | null;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrameLike | null;
}

export interface SenderCheckOptions {
  /** The webContents id of our one window, or undefined while there is none. */
  trustedWebContentsId: () => number | undefined;
  /** Whether a page URL is our own console (app://kept/...). */
  isTrustedUrl: (url: string) => boolean;
}

/**
 * A call is trusted only from the main frame of our window while it shows our own page. An
 * iframe, a navigated-away page or any other webContents is refused, even with a valid request.
 */
export function createSenderCheck(options: SenderCheckOptions): (event: InvokeEventLike) => boolean {
  return (event) => {
    try {
      const expectedId = options.trustedWebContentsId();
      if (expectedId === undefined || event.sender.id !== expectedId) return false;
      const frame = event.senderFrame;
      // senderFrame is null once the frame has navigated away or been destroyed.
      if (frame === null || frame.parent !== null) return false;
      return options.isTrustedUrl(frame.url);
    } catch {
      // Reading a disposed frame can throw; a sender we cannot identify is not trusted.
      return false;
    }
  };
}
