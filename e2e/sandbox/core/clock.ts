/** The sandbox's notion of "now". Injectable so token expiry and the seed can be tested without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
