/** Known incidents: the top-bar list and form, and the banner a brief or case view shows. */
import './incidents.css';
export { IncidentBanner } from './IncidentBanner';
export { IncidentsButton } from './IncidentsButton';
