import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "Everything stored about one employee (a pseudonymous subject) of the organisation, for a GDPR access request.",
})
export class SubjectDataExport {
  @Field({ description: "The subject: the embed token's `sub`." })
  subject: string;

  @Field({ description: "When the export was taken." })
  exportedAt: Date;

  @Field({
    description:
      'The data as one JSON object (format `real-skills.subject-data/1`): `attempts` with their assessment version, team and department, times, `answers` (reflection texts included) and `scores`, and the `webhookDeliveries` that named the subject. See docs/api.md, "Employees\' data (GDPR)".',
  })
  document: string;
}

@ObjectType({ description: "What erasing one employee's data removed." })
export class SubjectErasure {
  @Field({ description: "The subject erased: the embed token's `sub`." })
  subject: string;

  @Field(() => Int, { description: "Attempts deleted, in progress and submitted." })
  attemptsErased: number;

  @Field(() => Int, { description: "Answers deleted with them, reflection texts included." })
  answersErased: number;

  @Field(() => Int, {
    description: "Webhook deliveries about the subject deleted, pending ones included.",
  })
  webhookDeliveriesErased: number;

  @Field({ description: "When the erasure ran." })
  erasedAt: Date;

  @Field({
    description:
      "The `targetId` of the erasure's audit entry: the hex SHA-256 of `<organisation id>:<subject>`. Keep it to prove the erasure later without keeping the subject.",
  })
  auditTargetId: string;
}
