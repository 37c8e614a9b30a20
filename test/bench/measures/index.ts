import type { AnyMeasure } from '../measure';
import { brief } from './brief';
import {
  dashboardBrokenByAgent,
  dashboardCsat,
  dashboardEscalations,
  dashboardPromisesKept,
  dashboardRepeat,
  dashboardSla,
} from './dashboard';
import { screenPopPg, search2Pg, search3Pg, search6Pg } from './on-postgres';
import { policyAnswerOneAtATime, policyBatched, policyOneAtATime } from './policy';
import { policySimulation } from './policy-simulation';
import { popToPixels } from './pop-to-pixels';
import { popUncached } from './pop-uncached';
import { screenPop } from './screen-pop';
import { screenPopFloor } from './screen-pop-floor';
import { search2, search3, search6 } from './search';
import { syncLoadPop, syncLoadPush, syncLoadSearch } from './sync-load';
import { syncPull, syncPush } from './sync-throughput';

/** Every measure, in the order they run and print. A new measure is one file and one line here. */
export const measures: readonly AnyMeasure[] = [
  screenPop,
  screenPopFloor,
  brief,
  search2,
  search3,
  search6,
  policyOneAtATime,
  policyBatched,
  policyAnswerOneAtATime,
  policySimulation,
  popToPixels,
  dashboardPromisesKept,
  dashboardBrokenByAgent,
  dashboardSla,
  dashboardRepeat,
  dashboardCsat,
  dashboardEscalations,
  syncPush,
  syncPull,
  syncLoadPush,
  syncLoadPop,
  syncLoadSearch,
  popUncached,
  screenPopPg,
  search2Pg,
  search3Pg,
  search6Pg,
];
