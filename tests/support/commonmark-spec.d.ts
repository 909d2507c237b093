// Types for the CommonJS module of the commonmark-spec package, which ships none.
declare module "commonmark-spec" {
  /** One example of the CommonMark spec, with each tab written as "→" in both fields. */
  export interface CommonMarkExample {
    markdown: string;
    html: string;
    /** Heading of the spec section the example is in, e.g. "Block quotes". */
    section: string;
    /** Example number as printed in the spec, from 1. */
    number: number;
  }

  /** Full text of spec.txt. */
  export const text: string;
  export const tests: CommonMarkExample[];
}
