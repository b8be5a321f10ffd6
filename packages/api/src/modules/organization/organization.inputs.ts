import type { Locale } from "@real-skills/shared";
import { Field, InputType, Int } from "type-graphql";
import { LocaleEnum } from "../../common/locale.js";

@InputType({
  description: "Changes to the organisation's settings; fields left out stay as they are.",
})
export class OrganizationSettingsInput {
  @Field(() => String, { nullable: true, description: "Display name, 1–200 characters." })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The complete list of origins (`https://intranet.example.com`: scheme, host, port) whose pages may use embed tokens; at most 50.",
  })
  allowedOrigins?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: "Smallest group shown in aggregate reports, 3–50; smaller groups are suppressed.",
  })
  minGroupSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Days an employee waits after submitting an assessment before taking it again, 0–365; 0 means no wait.",
  })
  retakeCooldownDays?: number | null;

  @Field(() => LocaleEnum, {
    nullable: true,
    description: "Language used when a request names none.",
  })
  defaultLocale?: Locale | null;
}
