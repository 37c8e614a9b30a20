import authority from './bundle/authority.json';
import escalation from './bundle/escalation.json';
import remedies from './bundle/remedies.json';
import sla from './bundle/sla.json';
import type { BundleFiles } from './validate-bundle';

/** The bundle that ships with Kept. Bundled into the build, so the desktop needs no policy files on disk. */
export const DEFAULT_BUNDLE: BundleFiles = {
  'sla.json': sla,
  'remedies.json': remedies,
  'escalation.json': escalation,
  'authority.json': authority,
};
