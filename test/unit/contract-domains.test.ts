import { describe, expect, it } from 'vitest';
import {
  accountMutations,
  accountProcedures,
  auditProcedures,
  caseMutations,
  caseProcedures,
  conflictProcedures,
  contactMutations,
  contactProcedures,
  customerMutations,
  customerProcedures,
  dashboardProcedures,
  draftProcedures,
  factMutations,
  factProcedures,
  incidentMutations,
  incidentProcedures,
  mutationArgs,
  policyMutations,
  policyProcedures,
  procedures,
  promiseMutations,
  promiseProcedures,
  reviewMutations,
  reviewProcedures,
  searchProcedures,
  sessionMutations,
  sessionProcedures,
  surveyMutations,
  surveyProcedures,
} from '../../shared';

const procedureDomains = {
  session: sessionProcedures,
  customers: customerProcedures,
  cases: caseProcedures,
  contacts: contactProcedures,
  facts: factProcedures,
  incidents: incidentProcedures,
  search: searchProcedures,
  drafts: draftProcedures,
  promises: promiseProcedures,
  audit: auditProcedures,
  accounts: accountProcedures,
  reviews: reviewProcedures,
  surveys: surveyProcedures,
  dashboard: dashboardProcedures,
  conflicts: conflictProcedures,
  policy: policyProcedures,
};

const mutationDomains = {
  session: sessionMutations,
  customers: customerMutations,
  cases: caseMutations,
  contacts: contactMutations,
  facts: factMutations,
  incidents: incidentMutations,
  promises: promiseMutations,
  accounts: accountMutations,
  reviews: reviewMutations,
  surveys: surveyMutations,
  policy: policyMutations,
};

/** Every name of the domain maps, with the domains that define it. */
function owners(domains: Record<string, object>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [domain, map] of Object.entries(domains))
    for (const name of Object.keys(map)) found.set(name, [...(found.get(name) ?? []), domain]);
  return found;
}

describe('the contract, one file per domain', () => {
  it('defines each procedure in exactly one domain, and the merged map holds exactly those', () => {
    const found = owners(procedureDomains);
    expect([...found].filter(([, domains]) => domains.length > 1)).toEqual([]);
    expect([...found.keys()].sort()).toEqual(Object.keys(procedures).sort());
  });

  it('defines each mutation in exactly one domain, and the merged map holds exactly those', () => {
    const found = owners(mutationDomains);
    expect([...found].filter(([, domains]) => domains.length > 1)).toEqual([]);
    expect([...found.keys()].sort()).toEqual(Object.keys(mutationArgs).sort());
  });

  it('keeps a write procedure and the mutation it makes in the same domain, under the same name', () => {
    const mutationOwner = owners(mutationDomains);
    for (const [domain, map] of Object.entries(procedureDomains))
      for (const [name, spec] of Object.entries(map as Record<string, { kind: string }>))
        if (spec.kind === 'mutation') expect({ name, domain: mutationOwner.get(name) }).toEqual({ name, domain: [domain] });
  });
});
