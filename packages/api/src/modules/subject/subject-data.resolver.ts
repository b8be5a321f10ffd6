import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import type { Context } from "../../context.js";
import { SubjectDataExport, SubjectErasure } from "./subject-data.types.js";

const SUBJECT_ARG = {
  description:
    "The employee's pseudonymous id: the `sub` of their embed tokens (1–200 characters). Another organisation's subject of the same name is never touched.",
};

/** GDPR access and erasure for one employee of the caller's organisation. ADMIN only. */
@Resolver()
export class SubjectDataResolver {
  @Query(() => SubjectDataExport, {
    description:
      "Everything stored about one employee of the organisation as one JSON document: attempts, answers (reflection texts included), scores and the webhook deliveries that named them. A subject with nothing stored gives an empty document. Audited (`subject.export`). ADMIN only.",
  })
  exportSubjectData(
    @Arg("subject", () => String, SUBJECT_ARG) subject: string,
    @Ctx() { principal, services }: Context,
  ): Promise<SubjectDataExport> {
    return services.subjectData.export(requireRole(principal, "ADMIN"), subject);
  }

  @Mutation(() => SubjectErasure, {
    description:
      "Erases one employee's data in one transaction: deletes their attempts, answers and scores, removes their responses from the stored report aggregates, and deletes every webhook delivery that names them, pending ones included (erasure wins: those events are never sent; one being sent at that very moment may still arrive). A subject with nothing stored erases nothing. Audited (`subject.erase`) under a hash of the subject, never the subject itself. ADMIN only.",
  })
  eraseSubjectData(
    @Arg("subject", () => String, SUBJECT_ARG) subject: string,
    @Ctx() { principal, services }: Context,
  ): Promise<SubjectErasure> {
    return services.subjectData.erase(requireRole(principal, "ADMIN"), subject);
  }
}
