import { describe, expect, it } from 'vitest';
import { claimFocusForPop, type FocusScope, takeFocusClaim } from '../../../renderer/src/state/focus-claim';

/** A stand-in for the document: where focus is, and the events the rule listens for. */
class Page extends EventTarget {
  body = { name: 'body' } as unknown as HTMLElement;
  searchBox = { name: 'search' } as unknown as Element;
  activeElement: Element | null = this.searchBox;
  typed(): void {
    this.dispatchEvent(new Event('input'));
  }
  focusMovedElsewhere(to: Element): void {
    this.activeElement = to;
    this.dispatchEvent(new Event('focusin'));
  }
}

const scope = (page: Page) => page as unknown as FocusScope;

describe('focus at screen pop', () => {
  it('may be taken when the agent left focus where they pressed Enter and typed nothing', () => {
    const page = new Page();
    claimFocusForPop(scope(page));
    expect(takeFocusClaim(scope(page))).toBe(true);
  });

  it('may be taken when focus fell to the page itself (the button pressed went away)', () => {
    const page = new Page();
    claimFocusForPop(scope(page));
    page.activeElement = page.body;
    expect(takeFocusClaim(scope(page))).toBe(true);
  });

  it('is not taken once the agent typed anything, even where focus still is', () => {
    const page = new Page();
    claimFocusForPop(scope(page));
    page.typed();
    expect(takeFocusClaim(scope(page))).toBe(false);
  });

  it('is not taken once the agent moved focus elsewhere', () => {
    const page = new Page();
    claimFocusForPop(scope(page));
    page.focusMovedElsewhere({ name: 'another field' } as unknown as Element);
    expect(takeFocusClaim(scope(page))).toBe(false);
  });

  it('is taken once per look-up, and never without one', () => {
    const page = new Page();
    expect(takeFocusClaim(scope(page))).toBe(false);
    claimFocusForPop(scope(page));
    expect(takeFocusClaim(scope(page))).toBe(true);
    expect(takeFocusClaim(scope(page))).toBe(false);
  });

  it('belongs to the latest look-up: typing before a new Enter does not count against it', () => {
    const page = new Page();
    claimFocusForPop(scope(page));
    page.typed();
    claimFocusForPop(scope(page));
    expect(takeFocusClaim(scope(page))).toBe(true);
  });

  it('stops listening once taken', () => {
    const page = new Page();
    let listeners = 0;
    const add = page.addEventListener.bind(page);
    const remove = page.removeEventListener.bind(page);
    page.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
      listeners += 1;
      add(...args);
    };
    page.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
      listeners -= 1;
      remove(...args);
    };
    claimFocusForPop(scope(page));
    expect(listeners).toBe(2);
    takeFocusClaim(scope(page));
    expect(listeners).toBe(0);
  });
});
