/** One customer on screen (the workspace), and registering a caller or adding a number to a customer. */
import './customer.css';
export { AttachPhoneDialog } from './AttachPhoneDialog';
export { CreateCustomerDialog } from './CreateCustomerDialog';
export { CustomerWorkspace } from './CustomerWorkspace';
export type { FocusRequest } from './workspace-state';
