import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  changeRoleBodySchema,
  companyUserListSchema,
  createUserBodySchema,
  createUserResultSchema,
  setDisabledBodySchema,
  userParams,
} from '../../../contract/users.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import { problems } from '../../platform/errors.ts';
import { isOperatorAdmin } from '../organizations/companies.usecases.ts';
import {
  changeRole,
  createUserWithPassword,
  deleteUser,
  deleteUserAsOperator,
  listUsers,
  removeMember,
  setDisabled,
  type UserDeps,
} from './users.usecases.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** Användare: a company's people, for its administrators. Registered inside the tenant scope. */
export function userRoutes(deps: UserDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: "The company's users: role, status, last login, two-factor on or off",
          params: orgParams,
          response: { 200: companyUserListSchema, ...errors },
        },
      },
      async (request) => ({ items: await listUsers(deps, { actor: request.actor }) }),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary:
            'Create a user with a given password (changed at first login) and send a welcome mail; an address with an account gets the membership',
          params: orgParams,
          body: createUserBodySchema,
          response: { 201: createUserResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await createUserWithPassword(deps, {
          actor: request.actor,
          input: request.body,
          ip: request.ip,
        });
        return reply.code(201).send(result);
      },
    );

    app.put(
      '/users/:userId/role',
      {
        schema: {
          tags: ['users'],
          summary: "Change a user's role in the company; the last administrator cannot be demoted",
          params: userParams,
          body: changeRoleBodySchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await changeRole(deps, {
          actor: request.actor,
          userId: request.params.userId,
          role: request.body.role,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.put(
      '/users/:userId/disabled',
      {
        schema: {
          tags: ['users'],
          summary: 'Inaktivera or aktivera a user in the company; disabling ends their sessions at once',
          params: userParams,
          body: setDisabledBodySchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await setDisabled(deps, {
          actor: request.actor,
          userId: request.params.userId,
          disabled: request.body.disabled,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:userId',
      {
        schema: {
          tags: ['users'],
          summary: 'Remove the user from the company (the account stays)',
          params: userParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await removeMember(deps, { actor: request.actor, userId: request.params.userId, ip: request.ip });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:userId/account',
      {
        schema: {
          tags: ['users'],
          summary:
            'Radera användare: pseudonymise the account (administrator of every company the user belongs to); audit rows stay',
          params: userParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteUser(deps, { actor: request.actor, userId: request.params.userId, ip: request.ip });
        return reply.code(204).send();
      },
    );
  };
}

/** The operator's deletion of any account. */
export function userOperatorRoutes(deps: UserDeps) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.delete(
      '/api/operator/users/:userId',
      {
        onRequest: requireSession,
        schema: {
          tags: ['operator'],
          summary: 'Delete (pseudonymise) any account; a company’s last administrator is kept',
          params: z.object({ userId: z.uuid() }),
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        const operatorUserId = request.session!.userId;
        if (!(await isOperatorAdmin(deps.db, operatorUserId))) throw problems.forbidden();
        await deleteUserAsOperator(deps, { operatorUserId, userId: request.params.userId, ip: request.ip });
        return reply.code(204).send();
      },
    );
  };
}
