import { z } from 'zod';

/**
 * Records every zod schema constructed from now until `stop()`, each as the first
 * frame of its stack outside node_modules (the module that asked for it), so a test
 * can say where a schema was built, not only that one was.
 *
 * It hooks zod's post-processor, which zod calls once on every instance it finishes
 * building (checks and errors too; only schemas are kept). The config is global to
 * every copy of zod loaded, so the hook also sees a copy loaded after a module reset.
 */
export function recordSchemaBuilds() {
  const built: string[] = [];
  const previous = z.config().postProcessor;
  z.config({
    postProcessor: (instance: unknown) => {
      previous?.(instance);
      if (!(instance instanceof z.core.$ZodType)) return;
      const frames = (new Error().stack ?? '').split('\n').slice(1);
      const caller = frames.find(
        (frame) =>
          frame.includes('/') && !frame.includes('node_modules') && !frame.includes('zod-builds'),
      );
      built.push(`${instance._zod.def.type} ${caller?.trim() ?? '(no caller found)'}`);
    },
  });
  return {
    built,
    stop: () => void z.config({ postProcessor: previous }),
  };
}
