import { useRef } from 'react';
import type { CustomerSummary } from '../../../shared';
import { PhoneSearch } from '../features/search/PhoneSearch';
import { INVALID_NUMBER_ID } from '../features/lookup/InvalidNumber';
import { useLookup } from '../state/use-lookup';
import { Desk } from './Desk';
import { TopBar } from './TopBar';

export function App() {
  const { state, lookup, open } = useLookup();
  // While a new number is being looked up, the last customer stays put instead of flashing away.
  const shown = useRef<{ customer: CustomerSummary; phone: string } | null>(null);
  if (state.status === 'found') shown.current = { customer: state.customer, phone: state.phone };
  else if (state.status !== 'searching') shown.current = null;

  return (
    <div className="app">
      <TopBar
        search={
          <PhoneSearch
            busy={state.status === 'searching'}
            invalid={state.status === 'invalid'}
            describedBy={state.status === 'invalid' ? `${INVALID_NUMBER_ID}-title` : undefined}
            onLookup={lookup}
          />
        }
      />
      <main id="desk" className="desk" tabIndex={-1}>
        <Desk lookup={state} previous={shown.current} onRetry={lookup} onOpen={open} />
      </main>
    </div>
  );
}
