import { CommonPasswordList } from '../../application/ports/common-password-list';
import list from './common-passwords.json';

/**
 * The 10,000 most common passwords, bundled as data (`common-passwords.json`): the head of the
 * zxcvbn list as the npm package @zxcvbn-ts/language-common 4.1.3 ships it, most common first, in
 * lower case (licence: `common-passwords.LICENSE.txt`). Held in a Set, built once per process.
 */
export class BundledCommonPasswords extends CommonPasswordList {
  private static set: ReadonlySet<string> | undefined;

  get size(): number {
    return this.passwords().size;
  }

  has(lowerCase: string): boolean {
    return this.passwords().has(lowerCase);
  }

  private passwords(): ReadonlySet<string> {
    BundledCommonPasswords.set ??= new Set(list as readonly string[]);
    return BundledCommonPasswords.set;
  }
}
