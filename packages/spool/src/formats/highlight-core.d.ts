// highlight.js declares its index and its languages but not the core entry, which is the same API
// without the grammars; this says so.
declare module 'highlight.js/lib/core' {
  import hljs from 'highlight.js';
  export default hljs;
}
