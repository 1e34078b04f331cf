declare module "async-exit-hook" {
  /** Registers a hook run on process exit and signals (see its README). */
  function asyncExitHook(hook: (done?: () => void) => void): void;
  namespace asyncExitHook {
    function unhookEvent(event: string): void;
    function hookEvent(event: string, code?: number, filter?: (...args: unknown[]) => boolean): void;
  }
  export default asyncExitHook;
}
