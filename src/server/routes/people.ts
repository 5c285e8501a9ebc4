import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { CreatedToken, NewPerson, NewToken, Person } from "../../contract";
import { can } from "../access";
import type { DB } from "../db/schema";
import { ApiError } from "../errors";
import { createPerson, findPerson, listPeople, PersonInputError, toPerson } from "../people";
import { audit } from "../changes/sequence";
import { actorOf, denial, requestEntry } from "../request";
import { createToken } from "../tokens";

const IdParams = Type.Object({ id: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export function registerPeopleRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.get("/me", { schema: { summary: "The caller", response: { 200: Person } } }, async (request) => {
    const person = await findPerson(db, actorOf(request).id);
    if (!person) throw new ApiError("UNAUTHENTICATED");
    return toPerson(person);
  });

  app.get(
    "/people",
    { schema: { summary: "People the caller may see", response: { 200: Type.Array(Person) } } },
    async (request) => {
      const actor = actorOf(request);
      return actor.role === "admin" ? listPeople(db) : listPeople(db, [actor.id, ...actor.below]);
    },
  );

  app.post<{ Body: NewPerson }>(
    "/people",
    { schema: { summary: "Add a person (admin)", body: NewPerson, response: { 201: Person } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!can(actor, "write", { kind: "people" })) {
        await audit(db, denial(request, actor.id, "denied", { action: "people.create" }));
        throw new ApiError("FORBIDDEN");
      }
      try {
        const person = await createPerson(db, request.body);
        return await reply.status(201).send(person);
      } catch (error: unknown) {
        if (error instanceof PersonInputError) {
          const code = error.field === "name" || error.field === "email" ? "CONFLICT" : "BAD_REQUEST";
          throw new ApiError(code, { field: error.field, value: error.value }, error.message);
        }
        throw error;
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { label?: string } }>(
    "/people/:id/tokens",
    {
      schema: {
        summary: "Create one of your own personal access tokens (shown once)",
        params: IdParams,
        body: NewToken,
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const target = await findPerson(db, request.params.id);
      if (!target || target.id !== request.params.id)
        throw new ApiError("PERSON_NOT_FOUND", { id: request.params.id });
      // Over HTTP a token is only ever made for oneself (the admin included): tokens for others are
      // made with the CLI on the server's host (`cadence tokens create`), which is audited.
      if (actor.id !== target.id) {
        await audit(db, denial(request, actor.id, "denied", { action: "tokens.create", person: target.id }));
        throw new ApiError("FORBIDDEN");
      }
      const created = await createToken(db, target.id, request.body.label);
      await audit(db, requestEntry(request, actor.id, "token.created", { token: created.id }));
      return reply.status(201).send(created);
    },
  );
}
