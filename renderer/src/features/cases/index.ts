/** A customer's cases: the list, the case view in full, a new case, and the selected case's actions. */
import './cases.css';
import './case-view.css';
export { CaseList } from './CaseList';
export { CASE_TABS, type CaseTab, CaseViewDialog } from './CaseViewDialog';
export { CreateCaseDialog } from './CreateCaseDialog';
export { SelectedCaseActions } from './SelectedCaseActions';
