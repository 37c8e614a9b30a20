import type { CustomerSummary } from '../../../shared';
import { CustomerWorkspace, type FocusRequest } from '../features/customer';
import { InvalidNumber } from '../features/lookup';
import { LookupFailed } from '../features/lookup';
import { UnknownNumber } from '../features/lookup';
import { StartScreen } from '../features/start';
import type { LookupState } from '../state/use-lookup';

interface DeskProps {
  lookup: LookupState;
  /** The customer shown before the current search began; kept on screen while it runs. */
  previous: { customer: CustomerSummary; phone: string } | null;
  /** A case to bring up once its customer is open (chosen in search). */
  focus: FocusRequest | null;
  onRetry(): void;
  onOpen(customer: CustomerSummary, phone: string): void;
}

/** The work area below the top bar: whatever the last look-up led to. */
export function Desk({ lookup, previous, focus, onRetry, onOpen }: DeskProps) {
  switch (lookup.status) {
    case 'idle':
      return <StartScreen />;
    case 'searching':
      return previous ? (
        <CustomerWorkspace key={previous.customer.id} summary={previous.customer} phone={previous.phone} focus={focus} />
      ) : (
        <StartScreen />
      );
    case 'found':
      return <CustomerWorkspace key={lookup.customer.id} summary={lookup.customer} phone={lookup.phone} focus={focus} />;
    case 'not_found':
      return <UnknownNumber key={lookup.phone} phone={lookup.phone} onCreated={onOpen} />;
    case 'invalid':
      return <InvalidNumber raw={lookup.raw} />;
    case 'failed':
      return <LookupFailed error={lookup.error} onRetry={onRetry} />;
  }
}
