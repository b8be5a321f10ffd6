import type { ApiKeyRole } from "@real-skills/shared";
import { Field, InputType, ObjectType } from "type-graphql";
import { ApiKey } from "../../auth/api-key.entity.js";
import { ApiKeyRoleEnum } from "../../auth/auth.enums.js";

@InputType({ description: "A new API key." })
export class CreateApiKeyInput {
  @Field({ description: "What the key is for, 1–100 characters, e.g. `HR dashboard`." })
  name: string;

  @Field(() => ApiKeyRoleEnum, { description: "What the key may do." })
  role: ApiKeyRole;
}

@ObjectType({
  description: "A new API key with its secret, which is shown this once and never again.",
})
export class CreatedApiKey {
  @Field({
    description:
      "The key itself (`rsk_…`): send it as `Authorization: Bearer <key>`. Store it now.",
  })
  key: string;

  @Field(() => ApiKey, { description: "The key's record, as `apiKeys` lists it." })
  apiKey: ApiKey;
}
