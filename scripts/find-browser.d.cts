export interface FoundChromium {
  path: string;
  source: 'system' | 'playwright';
}
export declare const SYSTEM_CHROMIUM_PATHS: readonly string[];
export declare const INSTALL_HINT: string;
export declare function playwrightChromiumPath(): string | null;
export declare function findChromium(options?: {
  systemPaths?: readonly string[];
  playwrightPath?: string | null;
  exists?: (path: string) => boolean;
}): FoundChromium | null;
