import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched the first time it is shown, so that a page's
 * first load carries only what its first screen needs (the popup's budget is 30 KB
 * gzip, and each of its views is used on its own). Renders nothing until the code
 * has arrived, then the component itself; later mounts render it at once.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        // Only an extension updated under an open page misses its own chunk; the next
        // mount tries again.
        loading = undefined;
        console.error('Clientele: a view could not be loaded', error);
      },
    ));
  return function LazyView(props: P) {
    const [, arrived] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let shown = true;
      void start().then(() => shown && arrived((n) => n + 1));
      return () => {
        shown = false;
      };
    }, []);
    return loaded ? h(loaded as ComponentType<object>, props) : null;
  };
}
