let state0_0 = [];
let state1_0 = {};
module.exports.handler0 = async function (event, context) {
  [1].forEach((item0_1_0) => {
    Promise.resolve(2).then(function (item0_2_0) {
      delete state1_0[event.id];
    });
  });
  return { statusCode: 200 };
};
function unrelated0_0(value) {
  return value + 1;
}
const unrelated1_0 = [1, 2, 3].map((n) => n * 2);
let state0_1 = new Set();
let state1_1 = '';
let state2_1 = [];
module.exports.handler1 = async function (event, context) {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      const alias0_1 = state0_1;
      alias0_1.add(event.id);
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_1', 0);
let state0_2 = [];
let state1_2 = [];
module.exports.handler2 = async function (event, context) {
  state0_2 = [...state0_2, event.id];
  return { statusCode: 200 };
};
function unrelated0_2(value) {
  return value + 1;
}
const unrelated1_2 = new Map();
unrelated1_2.set('key', 1);
let state0_3 = {};
let state1_3;
module.exports.handler3 = async function (event, context) {
  if (!state1_3) state1_3 = [];
  const alias0_3 = state1_3;
  alias0_3.unshift(event.id);
  return { statusCode: 200 };
};
let state0_4;
let state1_4 = '';
module.exports.handler4 = async function (event, context) {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      state0_4 ||= {};
      state0_4.last = event.body;
    });
  });
  [1].forEach((item1_1_4) => {
    Promise.resolve(2).then(function (item1_2_4) {
      [3].forEach((item1_3_4) => {
        state0_4 ||= {};
        const alias1_4 = state0_4;
        delete alias1_4[event.id];
      });
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_4', 0);
function unrelated1_4(value) {
  return value + 1;
}
let state0_5 = '';
function helper1_1_5(input1_1_5) {
  state0_5 += input1_1_5.line;
}
module.exports.handler5 = async function (event, context) {
  [1].forEach((item0_1_5) => {
    state0_5 += event.line;
  });
  helper1_1_5(event);
  return { statusCode: 200 };
};
console.log('unrelated0_5', 0);
console.log('unrelated1_5', 1);
let state0_6 = '';
module.exports.handler6 = async function (event, context) {
  state0_6 += event.line;
  return { statusCode: 200 };
};
let state0_7;
let state1_7 = '';
let state2_7 = '';
module.exports.handler7 = async function (event, context) {
  state0_7 ??= {};
  const alias0_7 = state0_7;
  Object.assign(alias0_7, event.overrides);
  return { statusCode: 200 };
};
const unrelated0_7 = [1, 2, 3].map((n) => n * 2);
console.log('unrelated1_7', 1);
let state0_8;
let state1_8 = '';
module.exports.handler8 = async function (event, context) {
  state0_8 ??= [];
  state0_8.unshift(event.id);
  state1_8 += event.line;
  state1_8 += event.line;
  return { statusCode: 200 };
};
let state0_9 = [];
module.exports.handler9 = async function (event, context) {
  [1].forEach((item0_1_9) => {
    Promise.resolve(2).then(function (item0_2_9) {
      state0_9 = [...state0_9, event.id];
    });
  });
  const alias1_9 = state0_9;
  alias1_9.push(event.id);
  [1].forEach((item2_1_9) => {
    Promise.resolve(2).then(function (item2_2_9) {
      [3].forEach((item2_3_9) => {
        state0_9 = [...state0_9, event.id];
      });
    });
  });
  [1].forEach((item3_1_9) => {
    Promise.resolve(2).then(function (item3_2_9) {
      [3].forEach((item3_3_9) => {
        state0_9.push(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
function unrelated0_9(value) {
  return value + 1;
}
let state0_10 = new Set();
module.exports.handler10 = async function (event, context) {
  const alias0_10 = state0_10;
  alias0_10.add(event.id);
  [1].forEach((item1_1_10) => {
    Promise.resolve(2).then(function (item1_2_10) {
      state0_10.add(event.id);
    });
  });
  return { statusCode: 200 };
};
function unrelated0_10(value) {
  return value + 1;
}
let state0_11 = '';
let state1_11;
let state2_11 = '';
module.exports.handler11 = async function (event, context) {
  [1].forEach((item0_1_11) => {
    Promise.resolve(2).then(function (item0_2_11) {
      state0_11 += event.line;
    });
  });
  state1_11 ||= {};
  state1_11.last = event.body;
  state2_11 += event.line;
  return { statusCode: 200 };
};
function unrelated0_11(value) {
  return value + 1;
}
console.log('unrelated1_11', 1);
let state0_12 = [];
module.exports.handler12 = async function (event, context) {
  [1].forEach((item0_1_12) => {
    Promise.resolve(2).then(function (item0_2_12) {
      [3].forEach((item0_3_12) => {
        state0_12.unshift(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
let state0_13 = [];
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  state0_13.push(input0_2_13.id);
}
function helper1_1_13(input1_1_13) {
  helper1_2_13(input1_1_13);
}
function helper1_2_13(input1_2_13) {
  helper1_3_13(input1_2_13);
}
function helper1_3_13(input1_3_13) {
  state0_13 = [...state0_13, input1_3_13.id];
}
function helper3_1_13(input3_1_13) {
  state0_13 = [...state0_13, input3_1_13.id];
}
module.exports.handler13 = async function (event, context) {
  helper0_1_13(event);
  helper1_1_13(event);
  [1].forEach((item2_1_13) => {
    state0_13.push(event.id);
  });
  helper3_1_13(event);
  return { statusCode: 200 };
};
let state0_14 = new Map();
let state1_14 = 0;
function helper0_1_14(input0_1_14) {
  const alias0_14 = state0_14;
  alias0_14.set(input0_1_14.id, Date.now());
}
module.exports.handler14 = async function (event, context) {
  helper0_1_14(event);
  return { statusCode: 200 };
};
const unrelated0_14 = [1, 2, 3].map((n) => n * 2);
let state0_15 = new Set();
let state1_15 = '';
let state2_15 = '';
function helper1_1_15(input1_1_15) {
  helper1_2_15(input1_1_15);
}
function helper1_2_15(input1_2_15) {
  helper1_3_15(input1_2_15);
}
function helper1_3_15(input1_3_15) {
  state2_15 += input1_3_15.line;
}
module.exports.handler15 = async function (event, context) {
  state1_15 += event.line;
  helper1_1_15(event);
  state0_15.add(event.id);
  console.log(typeof state0_15);
  return { statusCode: 200 };
};
let state0_16 = 0;
let state1_16;
function helper0_1_16(input0_1_16) {
  helper0_2_16(input0_1_16);
}
function helper0_2_16(input0_2_16) {
  state1_16 ||= new Set();
  const alias0_16 = state1_16;
  alias0_16.add(input0_2_16.id);
}
function helper1_1_16(input1_1_16) {
  state1_16 ||= new Set();
  state1_16.add(input1_1_16.id);
}
function helper2_1_16(input2_1_16) {
  helper2_2_16(input2_1_16);
}
function helper2_2_16(input2_2_16) {
  state0_16 += 1;
}
module.exports.handler16 = async function (event, context) {
  helper0_1_16(event);
  helper1_1_16(event);
  helper2_1_16(event);
  console.log(typeof state0_16);
  return { statusCode: 200 };
};
console.log('unrelated1_16', 1);
let state0_17 = 0;
let state1_17 = '';
module.exports.handler17 = async function (event, context) {
  state0_17 += 1;
  state0_17++;
  [1].forEach((item2_1_17) => {
    state1_17 += event.line;
  });
  [1].forEach((item3_1_17) => {
    state0_17 += 1;
  });
  return { statusCode: 200 };
};
let state0_18 = new Set();
function helper2_1_18(input2_1_18) {
  helper2_2_18(input2_1_18);
}
function helper2_2_18(input2_2_18) {
  helper2_3_18(input2_2_18);
}
function helper2_3_18(input2_3_18) {
  const alias2_18 = state0_18;
  alias2_18.add(input2_3_18.id);
}
module.exports.handler18 = async function (event, context) {
  state0_18.add(event.id);
  const alias1_18 = state0_18;
  alias1_18.add(event.id);
  helper2_1_18(event);
  return { statusCode: 200 };
};
console.log('unrelated0_18', 0);
const unrelated1_18 = [1, 2, 3].map((n) => n * 2);
let state0_19 = '';
module.exports.handler19 = async function (event, context) {
  [1].forEach((item0_1_19) => {
    state0_19 += event.line;
  });
  [1].forEach((item1_1_19) => {
    state0_19 += event.line;
  });
  state0_19 += event.line;
  console.log(typeof state0_19);
  return { statusCode: 200 };
};
let state0_20;
let state1_20;
function helper0_1_20(input0_1_20) {
  helper0_2_20(input0_1_20);
}
function helper0_2_20(input0_2_20) {
  if (!state1_20) state1_20 = {};
  state1_20.last = input0_2_20.body;
}
module.exports.handler20 = async function (event, context) {
  helper0_1_20(event);
  console.log(typeof state1_20);
  return { statusCode: 200 };
};
console.log('unrelated0_20', 0);
let state0_21 = {};
let state1_21 = {};
let state2_21;
function helper2_1_21(input2_1_21) {
  helper2_2_21(input2_1_21);
}
function helper2_2_21(input2_2_21) {
  helper2_3_21(input2_2_21);
}
function helper2_3_21(input2_3_21) {
  state0_21.last = input2_3_21.body;
}
module.exports.handler21 = async function (event, context) {
  [1].forEach((item0_1_21) => {
    Promise.resolve(2).then(function (item0_2_21) {
      [3].forEach((item0_3_21) => {
        state0_21[event.id] = true;
      });
    });
  });
  const alias1_21 = state1_21;
  alias1_21.last = event.body;
  helper2_1_21(event);
  return { statusCode: 200 };
};
const unrelated0_21 = [1, 2, 3].map((n) => n * 2);
const unrelated1_21 = [1, 2, 3].map((n) => n * 2);
let state0_22 = new Set();
module.exports.handler22 = async function (event, context) {
  [1].forEach((item0_1_22) => {
    Promise.resolve(2).then(function (item0_2_22) {
      state0_22.add(event.id);
    });
  });
  state0_22.add(event.id);
  return { statusCode: 200 };
};
let state0_23 = new Map();
let state1_23 = new Set();
let state2_23;
function helper0_1_23(input0_1_23) {
  const alias0_23 = state0_23;
  alias0_23.set(input0_1_23.id, Date.now());
}
function helper1_1_23(input1_1_23) {
  helper1_2_23(input1_1_23);
}
function helper1_2_23(input1_2_23) {
  state0_23.set(input1_2_23.id, Date.now());
}
module.exports.handler23 = async function (event, context) {
  helper0_1_23(event);
  helper1_1_23(event);
  const alias2_23 = state1_23;
  alias2_23.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_23 = new Map();
unrelated0_23.set('key', 0);
let state0_24 = '';
let state1_24;
module.exports.handler24 = async function (event, context) {
  [1].forEach((item0_1_24) => {
    Promise.resolve(2).then(function (item0_2_24) {
      state0_24 += event.line;
    });
  });
  state0_24 += event.line;
  state0_24 += event.line;
  state0_24 += event.line;
  return { statusCode: 200 };
};
console.log('unrelated0_24', 0);
const unrelated1_24 = [1, 2, 3].map((n) => n * 2);
let state0_25;
let state1_25;
function helper1_1_25(input1_1_25) {
  helper1_2_25(input1_1_25);
}
function helper1_2_25(input1_2_25) {
  helper1_3_25(input1_2_25);
}
function helper1_3_25(input1_3_25) {
  if (!state1_25) state1_25 = {};
  state1_25.last = input1_3_25.body;
}
module.exports.handler25 = async function (event, context) {
  [1].forEach((item0_1_25) => {
    Promise.resolve(2).then(function (item0_2_25) {
      if (!state1_25) state1_25 = {};
      const alias0_25 = state1_25;
      delete alias0_25[event.id];
    });
  });
  helper1_1_25(event);
  state0_25 ??= {};
  delete state0_25[event.id];
  [1].forEach((item3_1_25) => {
    if (!state1_25) state1_25 = {};
    delete state1_25[event.id];
  });
  return { statusCode: 200 };
};
