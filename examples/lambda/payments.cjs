// Example: a callback-style payment handler. ❌ the card is kept in a module variable; ✅ the refund handler keeps it local.
'use strict';

const payments = require('./payment-gateway');

// ❌ After the first payment the frozen environment still holds the last card, and while verify()
// waits on the network a concurrent request can replace it.
var currentCard;

exports.charge = function (event, context, callback) {
  // reported on the next line: no-request-data-in-module-scope
  currentCard = {
    number: event.card.number,
    expiry: event.card.expiry,
    cvc: event.card.cvc,
  };
  payments.verify(currentCard, function (err) {
    if (err) return callback(null, { statusCode: 402, body: 'Invalid card' });
    callback(null, { statusCode: 200, body: 'Payment okay' });
  });
};

// ✅ The same data in a local variable: every invocation gets its own.
exports.refund = function (event, context, callback) {
  const card = { number: event.card.number, expiry: event.card.expiry };
  payments.refund(card, event.amount, function (err) {
    callback(err ? new Error('Refund failed') : null, { statusCode: 200, body: 'Refunded' });
  });
};
