import { Field, InputType, ObjectType } from "type-graphql";

@ObjectType({ description: "A text in every supported language, for authors and administrators." })
export class LocalizedText {
  @Field({ description: "English." })
  en: string;

  @Field({ description: "German (Deutsch)." })
  de: string;
}

@InputType({ description: "A text in every supported language; both are required and non-empty." })
export class LocalizedTextInput {
  @Field({ description: "English." })
  en: string;

  @Field({ description: "German (Deutsch)." })
  de: string;
}
