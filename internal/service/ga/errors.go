package ga

import "terraform-provider-alibabacloud/internal/conns"

// advice explains, for the API error codes this package meets, what they mean and what to do
// about them (conns.Explain puts it in every diagnostic of an API error).
var advice = conns.Advice{
	errCodeStateErrorBandwidthPackage: "The bandwidth plan is in a transitional state (being created, bound, unbound or " +
		"updated), or was updated within the API's cool-down period, and accepts only queries until then. The provider retried until its timeout ran out. " +
		"Check the plan's state in the Global Accelerator console, wait for it to become active, then run " +
		"terraform apply again; raise " + conns.TimeoutSetting + " if the operation regularly takes longer.",
	errCodeStateErrorAccelerator: "An accelerator bound to the bandwidth plan is in a transitional state (for example " +
		"configuring after a change) and accepts only queries until it is active again. The provider retried until its " +
		"timeout ran out. Wait for the accelerator to be active, then run terraform apply again; raise " +
		conns.TimeoutSetting + " if its configuration regularly takes longer.",
	errCodeNotExistBandwidthPackage: "The bandwidth plan no longer exists: it was deleted outside Terraform, or it " +
		"expired and was released. Run terraform apply to create a new one, or remove it from the state with " +
		"terraform state rm.",
	errCodeNotExistAccelerator: "The accelerator does not exist. Check accelerator_id; if the accelerator was deleted " +
		"outside Terraform, remove the attachment from the configuration.",
	errCodeNotExistBasicBandwidthPackage: "A CrossDomain bandwidth plan can only be bound to an accelerator that " +
		"already has a Basic plan bound. Bind a Basic plan first (an attachment the CrossDomain one depends_on).",
	errCodeUpgradeErrorBandwidthPackage: "One update of a bandwidth plan must be either all upgrades (more bandwidth, " +
		"Basic to Enhanced) or all downgrades (less bandwidth). Apply the upgrade and the downgrade in two steps: change " +
		"one, apply, then change the other and apply again.",
	errCodeGreaterThanGaIPSetBandwidth: "The new bandwidth is lower than the bandwidth already allocated to the " +
		"acceleration regions of a bound accelerator, or the allocation is still settling after a binding change. " +
		"Lower the acceleration regions' bandwidth first, or keep the plan's bandwidth at least as high as their sum.",
	errCodeBandwidthIllegal: "The API refused the bandwidth for this plan while its bindings settle, or the value does " +
		"not fit the accelerators it is bound to. Wait until the bindings are active and apply again; check that " +
		"bandwidth is within 2 to 2000 Mbps and not below what the bound accelerators use.",
	errCodeBindExistBandwidthPackage: "The bandwidth plan is still bound to an accelerator. Remove the " +
		"alibabacloud_ga_bandwidth_package_attachment resources that bind it (or unbind it in the console), then " +
		"destroy it.",
	errCodeOrderUnpaid: "The bandwidth plan has an upgrade order that is not paid yet (placed with auto_pay = false), " +
		"and the API refuses another change of bandwidth or bandwidth_type until that order is paid or canceled. Pay it " +
		"in the Alibaba Cloud Order Center (" + orderCenterURL + "): the values it ordered then take effect, and once " +
		"they show on refresh the next plan is empty if they match the configuration. Or cancel it there, then apply " +
		"again. Set auto_pay = true to have upgrades paid automatically.",
	errCodePostpayNotEnabled: "Pay-as-you-go (PayAsYouGo) GA bandwidth plans are not available to this Alibaba Cloud " +
		"account: Alibaba Cloud leaves them off by default. Ask your account manager (or open a ticket with Alibaba " +
		"Cloud support) to enable pay-as-you-go bandwidth plans of Global Accelerator for the account, then run " +
		"terraform apply again; or buy a Subscription plan instead (payment_type = \"Subscription\"). Nothing was bought.",
	errCodePayBY95NotEnabled: "Billing by the 95th percentile (billing_type = \"PayBY95\") is not available to this " +
		"Alibaba Cloud account: Alibaba Cloud leaves it off by default. Ask your account manager to enable it for " +
		"Global Accelerator, then run terraform apply again; or bill by data transfer (billing_type = " +
		"\"PayByTraffic\"). Nothing was bought.",
	errCodeDowngradeQuotaExceeded: "Lowering a bandwidth plan's bandwidth takes a downgrade quota, which an Alibaba " +
		"Cloud account does not have by default (or has used up). Apply for the Global Accelerator downgrade quota " +
		"in Quota Center (" + quotaCenterURL + "), or ask your account manager, then run terraform apply again; or keep " +
		"bandwidth as it is. Nothing was changed: the plan keeps its bandwidth, and the other changes of this update " +
		"(sent in the same call) were not made either.",
	errCodeOperationConflict: "The API refuses a call repeated on the same object within a short period. The provider " +
		"retried until its timeout ran out; wait a minute and apply again, or raise " + conns.TimeoutSetting + ".",
}

// bindingAdvice is advice for the answers to BandwidthPackageAddAccelerator, where the codes
// that elsewhere answer a delete or a read mean a conflict of bindings or a wrong id. The plan
// checks these rules when the ids are known; at apply they mean that the cloud changed since,
// or that an id was known only at apply.
var bindingAdvice = advice.With(conns.Advice{
	errCodeBindExistBandwidthPackage: "The binding conflicts with one that exists: the bandwidth plan is bound to an " +
		"accelerator already (a plan serves one accelerator), or the accelerator already has a plan of this type (one " +
		"Basic and one CrossDomain plan at most). Look at the plan's accelerators and the accelerator's plans in the " +
		"Global Accelerator console: unbind the other binding first (remove its attachment resource in an earlier " +
		"apply), bind another plan, or, if this very binding exists already, import it with terraform import.",
	errCodeNotExistBandwidthPackage: "The bandwidth plan bandwidth_package_id names does not exist (any more): it was " +
		"never created in this account, or it was deleted or released. Check bandwidth_package_id.",
	errCodeNotExistAccelerator: "The accelerator accelerator_id names does not exist (any more) in this account. " +
		"Check accelerator_id in the Global Accelerator console.",
})

// retryableUpdateCodes are the refusals an update waits out instead of failing.
var retryableUpdateCodes = []string{
	errCodeStateErrorBandwidthPackage, errCodeStateErrorAccelerator, errCodeOperationConflict,
	errCodeGreaterThanGaIPSetBandwidth, errCodeBandwidthIllegal,
}

// retryableBindingCodes are the refusals binding and unbinding wait out.
var retryableBindingCodes = []string{
	errCodeStateErrorBandwidthPackage, errCodeStateErrorAccelerator, errCodeOperationConflict,
}

// retryableDeleteCodes are the refusals a delete waits out.
var retryableDeleteCodes = []string{
	errCodeStateErrorBandwidthPackage, errCodeBindExistBandwidthPackage, errCodeOperationConflict,
}
