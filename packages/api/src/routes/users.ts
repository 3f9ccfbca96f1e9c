/** Users (用户管理), city administrators only: list, create, change role/scope, disable, reset password. */
import { createUser, listUsers, type User, updateUser } from '@kechuang/registry';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../access.ts';
import type { RouteContext } from '../buildApp.ts';
import { errorResponses, errorSchema } from '../schemas.ts';

const roleSchema = z.enum([
  'cityAdmin',
  'cityAnalyst',
  'districtEditor',
  'enterpriseUser',
  'public',
]);

const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: roleSchema,
  regionCode: z.string().nullable(),
  uscc: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

function view(user: User): z.infer<typeof userSchema> {
  return { ...user, createdAt: new Date(user.createdAt).toISOString() };
}

/** User routes. */
export function userRoutes({ app, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.registry.db;
  const responses = { ...errorResponses, 409: errorSchema };

  api.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表（市级管理员）/ users (city administrator)',
        response: { 200: z.array(userSchema), ...responses },
      },
    },
    async (request) => (await listUsers(db, requireRole(request, ['cityAdmin']))).map(view),
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户（市级管理员）/ create a user (city administrator)',
        body: z.object({
          username: z.string().min(2).max(64),
          password: z.string().min(1).max(256),
          role: roleSchema,
          regionCode: z.string().nullish(),
          uscc: z.string().nullish(),
          mustChangePassword: z.boolean().default(true),
        }),
        response: { 201: userSchema, ...responses },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, requireRole(request, ['cityAdmin']), request.body);
      reply.status(201);
      return view(user);
    },
  );

  api.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          '修改用户：角色、范围、停用、重置密码（市级管理员）/ update a user (city administrator)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          role: roleSchema.optional(),
          regionCode: z.string().nullish(),
          uscc: z.string().nullish(),
          disabled: z.boolean().optional(),
          password: z.string().min(1).max(256).optional(),
        }),
        response: { 200: userSchema, ...responses },
      },
    },
    async (request) =>
      view(
        await updateUser(db, requireRole(request, ['cityAdmin']), request.params.id, request.body),
      ),
  );
}
