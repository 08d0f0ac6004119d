// Which keys a keyed write can take. Only a key the request picks from an open set makes an unbounded cache: one
// fixed key, keys from a fixed set written in code (a literal, an enum or table, a `switch` over literals, a loop
// over a literal list, a key checked against a fixed list, a literal-union type) and keys already in the
// receiver do not.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileContext } from '../context.js';
import { dottedName, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { isModuleLevel } from '../file/scopes.js';
import { callTakingCallback, conditionsAt, isExistingEntry } from './guards.js';
import type { WriteSite } from './writes.js';

const MAX_DEPTH = 6;
const CONVERSIONS = new Set(['String', 'Number', 'Boolean']);
const SAME_SET_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'toString', 'valueOf']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==', 'in', 'instanceof']);
const LOOPING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'reduce']);

export class KeySpace {
  private readonly inProgress = new Set<Scope.Variable>();

  constructor(
    private readonly ctx: FileContext,
    /** Roots written at request time: a list the request can change is not a fixed set. */
    private readonly writtenAtRequestTime: ReadonlySet<string>,
  ) {}

  /** Does the request pick this key (at the write `at`) from an open set of values? */
  requestChosen(key: TSESTree.Node | null | undefined, at: TSESTree.Node): boolean {
    if (!key || !this.ctx.requestData.isRequestDerived(key)) return false;
    return !this.isFixed(key, at, 0);
  }

  /**
   * `await loadBundle(locale)` with `locale` from a fixed set: a function of fixed inputs, one value per key and the
   * same for every request that picks it, so a per-key memo of it keeps no request's data.
   */
  isFixedResult(raw: TSESTree.Node, at: TSESTree.Node, depth = 0): boolean {
    let value = unwrap(raw);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    if (!this.ctx.requestData.isRequestDerived(value)) return true;
    if (depth > MAX_DEPTH) return false;
    // `items` after `items = res.hits.map(…)`: a local whose every value is a fixed result where the write is.
    if (value.type === T.Identifier) return this.isFixedLocal(value, at, depth);
    // `found.hits` of a fixed result; a field that is request data below a value that is not (`c.env.incoming`) is not.
    if (value.type === T.MemberExpression && !value.computed)
      return this.ctx.requestData.isRequestDerived(value.object) && this.isFixedResult(value.object, at, depth + 1);
    // `memo[k] ?? (await load(k))`, `ok ? await load(k) : fallback`
    if (value.type === T.LogicalExpression)
      return this.isFixedResult(value.left, at) && this.isFixedResult(value.right, at);
    if (value.type === T.ConditionalExpression)
      return this.isFixedResult(value.consequent, at) && this.isFixedResult(value.alternate, at);
    if (value.type !== T.CallExpression && value.type !== T.NewExpression) return false;
    const callee = unwrap(value.callee);
    // `res.hits.map(({ name }) => name)`: a method of a fixed result, with fixed arguments, gives a fixed result.
    if (callee.type === T.MemberExpression && this.ctx.requestData.isRequestDerived(callee.object)) {
      if (callee.computed || !this.isFixedResult(callee.object, at, depth + 1)) return false;
      return value.arguments.every(
        (argument) => argument.type !== T.SpreadElement && (isFunctionNode(argument) || this.isFixed(argument, at, 0)),
      );
    }
    return value.arguments.every((argument) => argument.type !== T.SpreadElement && this.isFixed(argument, at, 0));
  }

  /** A function-local variable whose every value (initialiser and assignments) is a fixed result at `at`. */
  private isFixedLocal(id: TSESTree.Identifier, at: TSESTree.Node, depth: number): boolean {
    const variable = this.ctx.facts.variableOf(id);
    if (!variable || isModuleLevel(this.ctx.scopes, variable.scope) || this.inProgress.has(variable)) return false;
    if (variable.defs.length !== 1 || variable.defs[0].type !== 'Variable') return false;
    const declarator = variable.defs[0].node;
    const loop = declarator.parent?.parent;
    // A loop variable takes the values of what it loops over, not an initialiser.
    if (declarator.id.type !== T.Identifier || loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement)
      return false;
    this.inProgress.add(variable);
    try {
      const values = [declarator.init, ...writesOf(variable)];
      return values.every(
        (value) =>
          value === null ||
          (value.type !== T.UpdateExpression &&
            !(value.type === T.AssignmentExpression && value.operator !== '=') &&
            this.isFixedResult(value, at, depth + 1)),
      );
    } finally {
      this.inProgress.delete(variable);
    }
  }

  /** Does this keyed write store under a key the request picks freely, and that is not already in the receiver? */
  addsRequestKey(site: WriteSite, key: TSESTree.Node | null | undefined): boolean {
    if (!this.requestChosen(key, site.node)) return false;
    const receiver = receiverOf(site);
    return !(receiver && key && isExistingEntry(receiver, key, site.node));
  }

  /** Can `node` only take values from a set written in code (or fixed for the process)? */
  private isFixed(raw: TSESTree.Node, at: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = unwrap(raw);
    if (!this.ctx.requestData.isRequestDerived(node)) return true;
    const fixed = (child: TSESTree.Node | null | undefined) => !child || this.isFixed(child, at, depth + 1);
    switch (node.type) {
      case T.Literal:
        return true;
      case T.TemplateLiteral:
        return node.expressions.every(fixed);
      case T.BinaryExpression:
        // A comparison gives a boolean whatever it compares.
        return COMPARISONS.has(node.operator) || (fixed(node.left) && fixed(node.right));
      case T.UnaryExpression:
        return node.operator === '!' || node.operator === 'typeof' || fixed(node.argument);
      case T.LogicalExpression:
        return fixed(node.left) && fixed(node.right);
      case T.ConditionalExpression: {
        // `SUPPORTED.has(lang) ? lang : 'en'`: a branch the test narrows to a fixed set is fixed there.
        const narrowed = (branch: TSESTree.Node, holds: boolean) => {
          const name = dottedName(unwrap(branch));
          return name !== null && this.membershipOf(node.test, name) === holds;
        };
        return (
          (narrowed(node.consequent, true) || fixed(node.consequent)) &&
          (narrowed(node.alternate, false) || fixed(node.alternate))
        );
      }
      case T.AwaitExpression:
        return fixed(node.argument);
      case T.MemberExpression:
        return this.isFixedTable(node) || this.isNarrowed(node, at) || this.ctx.requestData.isFixedSetField(node);
      case T.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === T.Identifier && CONVERSIONS.has(callee.name) && node.arguments.length === 1)
          return fixed(node.arguments[0]);
        if (callee.type === T.MemberExpression && SAME_SET_METHODS.has(staticPropertyName(callee) ?? ''))
          return fixed(callee.object);
        return false;
      }
      case T.Identifier:
        return this.isNarrowed(node, at) || this.isFixedVariable(node, depth);
      default:
        return false;
    }
  }

  /** `TABLE[x]`, `Kind.A`, `TABLE[x].code`: a read from an object, array or enum written in code. */
  private isFixedTable(node: TSESTree.Node): boolean {
    let current = unwrap(node);
    while (current.type === T.MemberExpression) current = unwrap(current.object);
    if (current.type !== T.Identifier || current === unwrap(node)) return false;
    return this.isFixedCollection(current);
  }

  /** A module-level literal object/array/set or enum that no request-time code writes. */
  private isFixedCollection(node: TSESTree.Node): boolean {
    const value = unwrap(node);
    if (value.type === T.ArrayExpression) return value.elements.every((e) => !!e && e.type !== T.SpreadElement);
    if (value.type !== T.Identifier) return false;
    const variable = this.ctx.facts.variableOf(value);
    if (!variable || !isModuleLevel(this.ctx.scopes, variable.scope)) return false;
    if (this.writtenAtRequestTime.has(variable.name)) return false;
    if (variable.defs.some((def) => def.type === 'TSEnumName')) return true;
    return (
      variable.defs.length > 0 && variable.defs.every((def) => def.type === 'Variable' || def.type === 'ImportBinding')
    );
  }

  /** At `at`, has the code checked the key against a fixed list, or does a `case` of a `switch` over it run? */
  private isNarrowed(key: TSESTree.Identifier | TSESTree.MemberExpression, at: TSESTree.Node): boolean {
    const name = dottedName(key);
    if (name === null) return false;
    for (const condition of conditionsAt(at, true)) {
      if (condition.via === 'exit' && condition.exits !== 'always') continue;
      const membership = this.membershipOf(condition.test, name);
      if (membership !== null && membership === condition.holds) return true;
    }
    for (let node: TSESTree.Node | undefined = at; node && !isFunctionNode(node); node = node.parent) {
      const statement = node.parent;
      if (node.type === T.SwitchCase && statement?.type === T.SwitchStatement && node.test) {
        if (dottedName(statement.discriminant) === name && unwrap(node.test).type === T.Literal) return true;
      }
    }
    return false;
  }

  /** `true` when the test holds only for keys in a fixed set (`LIST.includes(k)`, `k in TABLE`, `k === 'a'`), `false` for its negation. */
  private membershipOf(raw: TSESTree.Node, name: string): boolean | null {
    const test = unwrap(raw);
    if (test.type === T.UnaryExpression && test.operator === '!') {
      const inner = this.membershipOf(test.argument, name);
      return inner === null ? null : !inner;
    }
    if (test.type === T.LogicalExpression) {
      const left = this.membershipOf(test.left, name);
      const right = this.membershipOf(test.right, name);
      if (test.operator === '||' && left === true && right === true) return true;
      if (test.operator === '&&' && (left === true || right === true)) return true;
      if (test.operator === '||' && (left === false || right === false)) return false;
      return null;
    }
    if (test.type === T.BinaryExpression) {
      const [left, right] = [unwrap(test.left), unwrap(test.right)];
      if (test.operator === 'in') return isName(left, name) && this.isFixedCollection(right) ? true : null;
      const literalSide = left.type === T.Literal ? right : right.type === T.Literal ? left : null;
      if (literalSide && isName(literalSide, name)) {
        if (test.operator === '===' || test.operator === '==') return true;
        if (test.operator === '!==' || test.operator === '!=') return false;
      }
      // `LIST.indexOf(k) !== -1`, `LIST.indexOf(k) >= 0`, `=== -1`
      const indexCall = left.type === T.CallExpression ? left : null;
      if (indexCall && this.isMembershipCall(indexCall, name, 'indexOf')) {
        const bound = unwrap(test.right);
        const minusOne = bound.type === T.UnaryExpression && bound.operator === '-';
        if (test.operator === '!==' || test.operator === '!=' || test.operator === '>' || test.operator === '>=')
          return true;
        if ((test.operator === '===' || test.operator === '==') && minusOne) return false;
      }
      return null;
    }
    if (test.type === T.CallExpression) {
      if (this.isMembershipCall(test, name, 'includes') || this.isMembershipCall(test, name, 'has')) return true;
      const callee = dottedName(test.callee);
      if ((callee === 'Object.hasOwn' || callee === 'Object.prototype.hasOwnProperty.call') && test.arguments[1])
        return isName(test.arguments[1], name) && this.isFixedCollection(test.arguments[0]) ? true : null;
      return null;
    }
    // `if (TABLE[k])`
    if (test.type === T.MemberExpression && test.computed && isName(test.property, name))
      return this.isFixedCollection(test.object) ? true : null;
    // `if (!k)`: where the test fails, the key is one of the few falsy values (`undefined`, `''`, `0`, …).
    if (isName(test, name)) return false;
    return null;
  }

  private isMembershipCall(call: TSESTree.CallExpression, name: string, method: string): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || staticPropertyName(callee) !== method) return false;
    if (!call.arguments[0] || !isName(call.arguments[0], name)) return false;
    const list = unwrap(callee.object);
    // `Object.keys(TABLE).includes(k)`
    if (list.type === T.CallExpression && dottedName(list.callee)?.startsWith('Object.') && list.arguments[0])
      return this.isFixedCollection(list.arguments[0]);
    return this.isFixedCollection(list);
  }

  /** A local whose every value is fixed, a loop variable over a fixed list, a parameter every caller passes fixed. */
  private isFixedVariable(id: TSESTree.Identifier, depth: number): boolean {
    const variable = this.ctx.facts.variableOf(id);
    if (!variable || this.inProgress.has(variable)) return false;
    this.inProgress.add(variable);
    try {
      if (variable.defs.some((def) => hasFiniteType(def.name as TSESTree.Identifier, this.ctx, 0))) return true;
      return variable.defs.length > 0 && variable.defs.every((def) => this.isFixedDefinition(def, variable, depth));
    } finally {
      this.inProgress.delete(variable);
    }
  }

  private isFixedDefinition(def: Scope.Definition, variable: Scope.Variable, depth: number): boolean {
    if (def.type === 'Variable') {
      const declarator = def.node;
      const loop = declarator.parent?.parent;
      if (loop && (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) && loop.left === declarator.parent)
        return this.isFixedList(loop.right, loop.type === T.ForInStatement);
      if (declarator.id.type !== T.Identifier) return false;
      const values = [declarator.init, ...writesOf(variable)];
      return values.every((value) => value === null || this.isFixed(value, value, depth + 1));
    }
    if (def.type === 'Parameter') {
      const fn = def.node as TSESTree.Node;
      if (!isFunctionNode(fn)) return false;
      const index = fn.params.findIndex(
        (param) => param === def.name || (param.type === T.AssignmentPattern && param.left === def.name),
      );
      if (index < 0) return false;
      // `['a', 'b'].forEach((k) => …)`
      const call = callTakingCallback(fn);
      const callee = call ? unwrap(call.callee) : null;
      if (index === 0 && callee?.type === T.MemberExpression && LOOPING_METHODS.has(staticPropertyName(callee) ?? ''))
        return this.isFixedList(callee.object, false);
      const calls = this.ctx.reach.callSitesOf(fn).filter((c) => this.ctx.reach.contextOf(c) !== null);
      return (
        calls.length > 0 &&
        calls.every((c) => {
          const argument = c.arguments[index];
          return !!argument && argument.type !== T.SpreadElement && this.isFixed(argument, argument, depth + 1);
        })
      );
    }
    return false;
  }

  /** `['a', 'b']`, a fixed module list, `Object.keys(TABLE)`; for `for…in`, any fixed object. */
  private isFixedList(raw: TSESTree.Node, keysOf: boolean): boolean {
    const node = unwrap(raw);
    if (node.type === T.ArrayExpression)
      return node.elements.every((e) => !!e && e.type !== T.SpreadElement && unwrap(e).type === T.Literal);
    if (node.type === T.CallExpression && node.arguments[0]) {
      const name = dottedName(node.callee);
      if (name === 'Object.keys' || name === 'Object.values' || name === 'Object.entries')
        return this.isFixedCollection(node.arguments[0]);
    }
    return (keysOf || node.type === T.Identifier) && this.isFixedCollection(node);
  }
}

function isName(node: TSESTree.Node, name: string): boolean {
  return dottedName(node) === name;
}

/** The values assigned to a variable after its declaration. */
function writesOf(variable: Scope.Variable): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isWrite()) continue;
    const write = reference.writeExpr as TSESTree.Node | null;
    const { parent } = valueParent(reference.identifier);
    // `k += x` and `k++` derive from the old value and whatever is added.
    if (parent?.type === T.UpdateExpression) return [parent];
    if (parent?.type === T.AssignmentExpression && parent.operator !== '=') return [parent];
    if (write) result.push(write);
  }
  return result;
}

/** `k: 'a' | 'b'`, `k: keyof typeof TABLE`, `k: Kind` (an enum), or a local type alias of one of them. */
function hasFiniteType(id: TSESTree.Identifier, ctx: FileContext, depth: number): boolean {
  const annotation = id.typeAnnotation?.typeAnnotation;
  return !!annotation && isFiniteType(annotation, ctx, depth);
}

function isFiniteType(type: TSESTree.TypeNode, ctx: FileContext, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (type.type) {
    case T.TSLiteralType:
    case T.TSBooleanKeyword:
      return true;
    case T.TSUnionType:
      return type.types.every((member) => isFiniteType(member, ctx, depth + 1));
    case T.TSTypeOperator:
      return type.operator === 'keyof';
    case T.TSTypeReference: {
      if (type.typeName.type !== T.Identifier) return false;
      const variable = ctx.scopes.module.set.get(type.typeName.name) as Scope.Variable | undefined;
      const def = variable?.defs[0];
      if (!def) return false;
      if (def.type === 'TSEnumName') return true;
      const alias = def.node as TSESTree.Node;
      return alias.type === T.TSTypeAliasDeclaration && isFiniteType(alias.typeAnnotation, ctx, depth + 1);
    }
    case T.TSIndexedAccessType:
      // `(typeof NAMES)[number]`
      return type.objectType.type === T.TSTypeQuery;
    default:
      return false;
  }
}

/** The collection a keyed write stores into: `map` of `map.set(k, v)`, `obj` of `obj[k] = v`. */
function receiverOf(site: WriteSite): TSESTree.Node | null {
  if (site.form === 'call') return site.target;
  const target = unwrap(site.target);
  return target.type === T.MemberExpression ? target.object : null;
}
