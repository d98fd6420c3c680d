// The linebreak package ships without type declarations; this is the part of its API we use.
declare module 'linebreak' {
  interface Break {
    /** Index in the string where the next line may start. */
    position: number;
    /** True for a mandatory break (after a newline or another line terminator). */
    required: boolean;
  }

  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
