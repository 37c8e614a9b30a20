/** The supervisors' dashboard (`#/dashboard`): the six `dashboard.*` charts (ECharts), table views, CSV, the cases behind a bar. */
import './dashboard.css';
export { Dashboard } from './Dashboard';
