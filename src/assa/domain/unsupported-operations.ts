// A-HLP-2: what the self-service system cannot do, each with the reason and where to go.
export interface UnsupportedOperation {
  id: string;
  operation: string;
  reason: string;
  whereToGo: string;
}

const CENTRE = 'a subscriber service centre, with your passport and the contract';

export const UNSUPPORTED_OPERATIONS: readonly UnsupportedOperation[] = [
  { id: 'suspend', operation: 'Suspend the contract or stop using the number for a while', reason: 'A suspension changes the contract and needs the owner’s signature.', whereToGo: CENTRE },
  { id: 'terminate', operation: 'Terminate the contract', reason: 'Termination settles the account and needs the owner in person.', whereToGo: CENTRE },
  { id: 'change_owner', operation: 'Change the owner', reason: 'Both the old and the new owner must sign.', whereToGo: `${CENTRE}; both owners come` },
  { id: 'change_number', operation: 'Change the number', reason: 'A new number is a new contract line.', whereToGo: CENTRE },
  { id: 'restore_number', operation: 'Restore a disconnected number', reason: 'A disconnected number must be checked as free and re-assigned.', whereToGo: CENTRE },
  { id: 'change_device', operation: 'Change the registered device', reason: 'The device identity (ESN/MEID) is registered in the network by staff.', whereToGo: `${CENTRE}, with the new device` },
  { id: 'delete_account', operation: 'Delete the self-service account', reason: 'The account is tied to the contract and is removed with it.', whereToGo: CENTRE },
];
