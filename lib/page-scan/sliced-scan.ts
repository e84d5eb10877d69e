import { ELEMENT_DETECTORS, TEXT_DETECTORS } from '../detect';
import { createTextPass } from '../detect/text-pass';
import type { DetectContext, Finding } from '../detect/types';
import { sliceClock, whenIdle, type Schedule } from './idle';

/**
 * Reads a whole page without a long task: element detectors (a few selector
 * queries) in the first idle slice, then the text walk slice by slice. Resolves
 * with every finding once the walk is done.
 */
export function scanInSlices(
  root: ParentNode,
  context: DetectContext,
  schedule: Schedule = whenIdle,
): Promise<Finding[]> {
  return new Promise((resolve) => {
    const findings: Finding[] = [];
    const pass = createTextPass(root, TEXT_DETECTORS);
    schedule((deadline) => {
      for (const detect of ELEMENT_DETECTORS) findings.push(...detect(root, context));
      const step = (slice = deadline) => {
        if (pass.step(sliceClock(slice))) resolve([...findings, ...pass.findings]);
        else schedule(step);
      };
      // The element detectors used this slice's time; the text walk starts in the next.
      schedule(step);
    });
  });
}
