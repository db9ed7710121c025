// The Calm rule language (shared/spec/LANGUAGE.md §1-5, §11).
//
// The grammar is deliberately permissive where a precise message beats a parse error: annotation and
// time names after '@', aggregate names in heads, and expressions inside atoms are all parsed here
// and judged by calm.syntax.AstBuilder and the checks, which can say what is wrong and how to fix it.
grammar Calm;

options { contextSuperClass = SizedContext; }

program : item* EOF ;

item
    : declaration
    | seal
    | constraint
    | clause
    ;

// `extern` belongs to tables (§11); on another kind the builder says so, which beats a parse error.
declaration
    : (OUTPUT EXTERN? | EXTERN OUTPUT?)? kind=(TABLE | SCRATCH | INPUT | CHANNEL) IDENT '(' columns? ')' '.'
    ;

// '=>' splits a key from the values (§11); the key may be empty, the values may not.
columns
    : column (',' column)* ('=>' column (',' column)*)?
    | '=>' column (',' column)*
    ;

// A lattice type is max<int> and the like; the builder judges the lattice's name.
column : AT? IDENT ':' (type=(INT_TYPE | STRING_TYPE) | lattice=IDENT '<' base=(INT_TYPE | STRING_TYPE) '>') ;

seal : SEAL sealed=atom BY guard=atom '.' ;

// A constraint is a rule without a head (§12): no state may satisfy its body.
constraint : annotation? ':-' body '.' ;

// A fact is a clause without a body; the builder checks that it is ground and plain.
clause : annotation? head (':-' body)? '.' ;

annotation : AT IDENT '(' annotationArgs? ')' ;

annotationArgs : expr (',' expr)* ;

head : DELETE? atom (AT IDENT)? ;

body : literal (',' literal)* ;

// literal, argument and expr name no alternatives (`# name`): a named alternative is a second context
// object for every node, copied from the first; the builder tells them apart by their children.
literal
    : NOT atom
    | atom
    | left=expr op=('=' | '!=' | '<' | '<=' | '>' | '>=') right=expr
    ;

atom : IDENT '(' (argument (',' argument)*)? ')' ;

// An aggregate is syntactically a call; only heads may hold one (checked after parsing).
argument
    : IDENT '(' expr ')'
    | expr
    ;

expr
    : '-' expr
    | left=expr op=('*' | '/' | '%') right=expr
    | left=expr op=('+' | '-') right=expr
    | '(' expr ')'
    | VARIABLE
    | '_'
    | INTEGER
    | STRING
    ;

// Keywords (§1). Aggregate names and time annotations are ordinary identifiers.
TABLE       : 'table' ;
SCRATCH     : 'scratch' ;
INPUT       : 'input' ;
CHANNEL     : 'channel' ;
OUTPUT      : 'output' ;
EXTERN      : 'extern' ;
DELETE      : 'delete' ;
NOT         : 'not' ;
SEAL        : 'seal' ;
BY          : 'by' ;
INT_TYPE    : 'int' ;
STRING_TYPE : 'string' ;

AT       : '@' ;
IDENT    : [a-z] [A-Za-z0-9_]* ;
VARIABLE : [A-Z] [A-Za-z0-9_]* ;
INTEGER  : [0-9]+ ;
STRING   : '"' ( '\\' ["\\nt] | ~["\\\r\n] )* '"' ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\f\u00A0\uFEFF]+ -> skip ;

// Malformed input gets a token of its own, so the error message can name the problem exactly.
UNTERMINATED_STRING  : '"' ( '\\' . | ~["\\\r\n] )* '"'? ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
ERROR_CHAR           : . ;
