/**
 * Common and easily guessed passwords are refused wherever a password is set (invitation, reset,
 * change). zxcvbn-ts with its common-password dictionary (tens of thousands of leaked passwords, plus
 * keyboard walks, repeats, dates and l33t variants) runs offline; the person's own name and email count
 * as guessable too.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../http/app-error';

/** zxcvbn scores 0–4; below 3 is guessable within about 10^8 tries (offline, slow hash: not enough). */
const minimumScore = 3;

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return checker;
}

/** Whether the password is too easy to guess, given what others may know about the person. */
export async function isGuessablePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<boolean> {
  const inputs = userInputs
    .flatMap((input) => [input, ...input.split(/[\s@.+_-]+/)])
    .filter((s) => s.length > 2);
  const result = await zxcvbn().check(password.slice(0, 128), inputs);
  return result.score < minimumScore;
}

export const guessablePasswordMessage =
  'This password is too easy to guess: it is a common password or close to one. Try a few unrelated words.';

/** Throws a 400 `password_too_common` when the password is too easy to guess. */
export async function refuseGuessablePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<void> {
  if (await isGuessablePassword(password, userInputs)) {
    throw new AppError(400, 'password_too_common', guessablePasswordMessage, [
      { path: 'password', message: guessablePasswordMessage },
    ]);
  }
}
