// Highlighting of .calm programs (LANGUAGE.md's tokens) for CodeMirror 5's simple mode.
CodeMirror.defineSimpleMode("calm", {
  start: [
    {regex: /\/\/.*/, token: "comment"},
    {regex: /"(?:[^\\"]|\\.)*"?/, token: "string"},
    {regex: /\b(?:input|output|table|scratch|channel|extern|seal|by|delete|not)\b/, token: "keyword"},
    {regex: /\b(?:int|string)\b/, token: "type"},
    {regex: /\b(?:count|sum|min|max|avg)\b(?=\s*\()/, token: "builtin"},
    {regex: /@(?:next|async|[a-z_][A-Za-z0-9_]*)/, token: "meta"},
    {regex: /-?\d+/, token: "number"},
    {regex: /:-|!=|<=|>=|==|[<>=+\-*\/%]/, token: "operator"},
    {regex: /\b[A-Z_][A-Za-z0-9_]*/, token: "variable-2"},
    {regex: /\b[a-z][A-Za-z0-9_]*(?=\s*\()/, token: "def"},
    {regex: /[a-z][A-Za-z0-9_]*/, token: "variable"}
  ],
  meta: {lineComment: "//"}
});
