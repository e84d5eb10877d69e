import { ELEMENT_READERS, TEXT_DETECTORS } from '../detect';
import { ElementPass } from '../detect/element-pass';
import { createTextPass } from '../detect/text-pass';
import type { DetectContext, ElementReader, Finding } from '../detect/types';
import { sliceClock, whenIdle, type Schedule } from './idle';

/**
 * Reads a whole page without a long task: the element readers (links, structured
 * data, webmail) a step at a time, then the text walk, each slice stopping when its
 * clock says so (idle.ts). A small page is read in one slice, its first answer
 * waiting for no second idle period; a big one in as many as it takes. Resolves
 * with every finding once both are done, in the order `collectFindings` gives.
 */
export function scanInSlices(
  root: ParentNode,
  context: DetectContext,
  schedule: Schedule = whenIdle,
  readers: readonly ElementReader[] = ELEMENT_READERS,
): Promise<Finding[]> {
  return new Promise((resolve) => {
    const elements = new ElementPass(root, context, readers);
    const text = createTextPass(root, TEXT_DETECTORS);
    const slice: Parameters<Schedule>[0] = (deadline) => {
      const hasTime = sliceClock(deadline);
      // The text walk reads 128 nodes before it first asks the clock: it starts in the
      // slice the element readers end in only if they left time for that.
      if (!elements.done && (!elements.step(hasTime) || !hasTime())) return schedule(slice);
      if (text.step(hasTime)) resolve([...elements.findings, ...text.findings]);
      else schedule(slice);
    };
    schedule(slice);
  });
}
