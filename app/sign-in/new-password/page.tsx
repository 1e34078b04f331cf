import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requiredStepMetadata, requiredStepPage } from "@/components/auth/required-step-page";

export const dynamic = "force-dynamic";
export const generateMetadata = requiredStepMetadata("change_password");

/** Accounts an admin created or reset choose their own password before anything else. */
export default requiredStepPage("change_password", (next) => <ChangePasswordForm first next={next} />);
