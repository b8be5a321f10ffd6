import type { Locale } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { LocaleEnum } from "../../common/locale.js";

@ObjectType({ description: "A customer organisation (a tenant) and its settings." })
@Entity({ name: "organization" })
export class Organization {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Stable, human-readable identifier." })
  @Column({ type: "text", unique: true })
  slug: string;

  @Field({ description: "Display name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => [String], {
    description:
      "Origins (`https://intranet.example.com`) whose pages may call the API with embed tokens.",
  })
  @Column({ name: "allowed_origins", type: "text", array: true })
  allowedOrigins: string[];

  @Field(() => Int, {
    description: "Smallest group shown in aggregate reports; smaller groups are suppressed (3–50).",
  })
  @Column({ name: "min_group_size", type: "integer" })
  minGroupSize: number;

  @Field(() => Int, {
    description:
      "Days an employee waits after submitting an assessment before taking it again; 0 means no wait.",
  })
  @Column({ name: "retake_cooldown_days", type: "integer" })
  retakeCooldownDays: number;

  @Field(() => LocaleEnum, { description: "Language used when a request names none." })
  @Column({ name: "default_locale", type: "text" })
  defaultLocale: Locale;

  @Field({ description: "When the organisation was created." })
  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;
}
