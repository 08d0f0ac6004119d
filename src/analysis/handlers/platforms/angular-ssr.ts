// Angular SSR: the server makes a new root injector for every request it renders, so the services, components,
// directives and pipes of an app with server rendering (`@angular/ssr`, `@nguniversal/*`, `@angular/platform-server`
// among the dependencies) are constructed and called per request. Their own fields are per request; the module-level
// variables they write (and `useValue` objects provided at module scope) are one for the whole server process.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../file/ast.js';
import { projectOf } from '../../file/project.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';
import { classesOf, hasDecorator } from './decorated.js';
import { NOT_RENDERED } from './server-rendering.js';

const ANGULAR_SSR_PACKAGES = [
  '@angular/ssr',
  '@nguniversal/express-engine',
  '@nguniversal/common',
  '@nguniversal/builders',
  '@angular/platform-server',
];
const CORE = ['@angular/core'];
const DECORATORS = ['Injectable', 'Component', 'Directive', 'Pipe', 'NgModule'];

function detect(ctx: PlatformContext): void {
  if (!/\.[cm]?ts$/u.test(ctx.basename) || NOT_RENDERED.test(ctx.basename)) return;
  if (!ctx.facts.imports.importsAny(CORE) || ctx.directories.includes('node_modules')) return;
  if (!projectOf(ctx.path)?.dependsOn(ANGULAR_SSR_PACKAGES)) return;
  for (const classNode of classesOf(ctx.program)) {
    if (!hasDecorator(ctx.facts, classNode, CORE, DECORATORS)) continue;
    const className = classNode.id?.name ?? 'class';
    for (const member of classNode.body.body) {
      if (member.type !== T.MethodDefinition || member.static) continue;
      if (member.kind !== 'method' && member.kind !== 'constructor') continue;
      const name = member.kind === 'constructor' ? 'constructor' : (staticPropertyName(member) ?? 'method');
      ctx.add(
        member.value as FunctionNode,
        `${className}.${name}`,
        'member of an Angular class constructed per request by server rendering',
        'angular-ssr',
      );
    }
  }
}

export const angularSsr: Platform = { id: 'angular-ssr', detect };
