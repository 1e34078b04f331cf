import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { requiredStepMetadata, requiredStepPage } from "@/components/auth/required-step-page";

export const dynamic = "force-dynamic";
export const generateMetadata = requiredStepMetadata("enrol_2fa");

/** Roles that must use a second factor (REQUIRE_2FA_ROLES) set it up here before anything else. */
export default requiredStepPage("enrol_2fa", (next) => <TwoFactorSetup next={next} />);
