import './policy.css';

export { readDraft, type StoredDraft, writeDraft } from './draft-store';
export { PolicyAdmin } from './PolicyAdmin';
export { prettyJson, TABLE_FILES, type TableFile } from './use-policy-draft';
