import type { customerMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { createCustomer } from './customers';
import { recordPromotion } from './promotions';
import { addCustomerPhone, removeCustomerPhone, updateCustomer } from './records';

/** The customers slice's writes, one handler per mutation of `shared/contract/mutations/customers.ts`. */
export const mutations: MutationHandlers<keyof typeof customerMutations> = {
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.addPhone': addCustomerPhone,
  'customers.removePhone': removeCustomerPhone,
  'promotions.record': recordPromotion,
};
