import type { Measure } from '../measure';
import { screenPop } from './screen-pop';
import { screenPopFloor } from './screen-pop-floor';

/** Every measure, in the order they run and print. A new measure is one file and one line here. */
export const measures: readonly Measure[] = [screenPop, screenPopFloor];
