import '@gorules/jdm-editor/dist/style.css';
import { DecisionGraph, JdmConfigProvider } from '@gorules/jdm-editor';

type Graph = NonNullable<Parameters<typeof DecisionGraph>[0]['value']>;

/** The GoRules editor over one table's graph; every change goes back as the whole graph. */
export default function TableEditor({ graph, onChange }: { graph: object; onChange(next: object): void }) {
  return (
    <div className="policy-editor-graph">
      <JdmConfigProvider>
        <DecisionGraph defaultValue={graph as Graph} onChange={(next) => onChange(next as object)} />
      </JdmConfigProvider>
    </div>
  );
}
