import type { surveyMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { answerSurvey } from './answer';

/** The surveys slice's writes, one handler per mutation of `shared/contract/mutations/surveys.ts`. */
export const mutations: MutationHandlers<keyof typeof surveyMutations> = {
  'surveys.answer': answerSurvey,
};
