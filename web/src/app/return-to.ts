/** Where the user wanted to go before the login screen (memory only). */
let returnTo: string | null = null;

export function rememberReturnTo(path: string): void {
  returnTo = path;
}

export function takeReturnTo(): string | null {
  const path = returnTo;
  returnTo = null;
  return path;
}
